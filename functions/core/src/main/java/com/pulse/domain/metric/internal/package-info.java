/**
 * Byte-level code behind {@link com.pulse.domain.metric.MetricPoint}: the compact immutable sorted
 * map of a point's dimensions and values, and the allocation-free SHA-256 of its id. Internal to
 * Pulse's domain: public only so the model can use it across packages; it may change without notice
 * (docs/ARCHITECTURE.md, "Internal packages").
 */
package com.pulse.domain.metric.internal;
