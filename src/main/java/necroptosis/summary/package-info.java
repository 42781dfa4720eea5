/**
 * A slide's results as typed values ({@link necroptosis.summary.SlideSummary} and its parts), with the one
 * writer and reader of summary.json ({@link necroptosis.summary.SummaryJson}). The report package computes a
 * summary from a finished run; the Fiji display, the plots and the batch table read it field by field, and a
 * resumed batch reads earlier results back through the same reader, so no consumer looks values up by key.
 */
package necroptosis.summary;
