package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The pipeline's replication slot on the source, from pg_replication_slots. */
public class SlotStatus {
  @JsonPropertyDescription("Slot name, derived from the connector name.")
  private String name;

  @JsonPropertyDescription("Publication name, derived from the connector name.")
  private String publication;

  @JsonPropertyDescription("Whether a client (the connector) is streaming from the slot.")
  private Boolean active;

  @JsonPropertyDescription(
      "WAL the source keeps for this slot, in bytes (pg_current_wal_lsn - restart_lsn).")
  private Long retainedWalBytes;

  @JsonPropertyDescription("wal_status: reserved, extended, unreserved or lost.")
  private String walStatus;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPublication() {
    return publication;
  }

  public void setPublication(String publication) {
    this.publication = publication;
  }

  public Boolean getActive() {
    return active;
  }

  public void setActive(Boolean active) {
    this.active = active;
  }

  public Long getRetainedWalBytes() {
    return retainedWalBytes;
  }

  public void setRetainedWalBytes(Long retainedWalBytes) {
    this.retainedWalBytes = retainedWalBytes;
  }

  public String getWalStatus() {
    return walStatus;
  }

  public void setWalStatus(String walStatus) {
    this.walStatus = walStatus;
  }
}
