/**
 * Byte-level code behind telemetry window aggregation: the DDSketch protobuf reader of
 * {@link com.pulse.domain.telemetry.aggregate.LatencySketches} and an allocation-free sort. Internal
 * to Pulse's domain: public only so the model can use it across packages; it may change without
 * notice (docs/ARCHITECTURE.md, "Internal packages").
 */
package com.pulse.domain.telemetry.internal;
