/** Runs: the state machine, one dedicated training thread per run, commands applied between ticks, and the event-bus side (control addresses in, events and frames out). The bridge between the core packages and Vert.x. {@link dev.ganplayground.run.MetricsCsv} renders a metric history as CSV for export. */
package dev.ganplayground.run;
