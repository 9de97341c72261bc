package io.kubecdc.chfront.engine;

import java.util.Map;

/**
 * One statement to run in a fresh engine session.
 *
 * @param sql the statement (binary-safe, UTF-8)
 * @param database current database for this statement
 * @param settings ClickHouse settings for this statement only
 * @param parameters values of {@code {name:Type}} placeholders
 * @param defaultFormat output format unless the statement names one
 */
public record EngineQuery(
    byte[] sql,
    String database,
    Map<String, String> settings,
    Map<String, String> parameters,
    String defaultFormat) {}
