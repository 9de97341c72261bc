package io.kubecdc.chfront.http;

/** What the front reports about itself in response headers and error bodies. */
public record ServerInfo(String version, String timezone, String displayName) {}
