/**
 * Byte-level code behind telemetry window aggregation: the DDSketch protobuf reader and writer of
 * {@link com.pulse.domain.telemetry.aggregate.LatencySketches}, an allocation-free sort, the SHA-256
 * hash of document ids ({@link com.pulse.domain.telemetry.internal.DocumentIds}) and
 * {@code Instant.toString()} text without the general formatter
 * ({@link com.pulse.domain.telemetry.internal.IsoInstants}). Internal
 * to Pulse's domain: public only so the model can use it across packages; it may change without
 * notice (docs/ARCHITECTURE.md, "Internal packages").
 */
package com.pulse.domain.telemetry.internal;
