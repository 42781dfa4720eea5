/**
 * Batches of slides, GUI-free, shared by the {@code batch}/{@code merge} commands and Fiji's Batch Score
 * Folder: {@link necroptosis.batch.BatchInputs} lists the slides (folder or text file),
 * {@link necroptosis.batch.Shard} picks a cluster task's share, {@link necroptosis.batch.BatchRunner} scores
 * them into one folder each with a {@code batch_summary.csv} ({@link necroptosis.batch.BatchSummaryCsv}),
 * resuming where an earlier run stopped, and {@link necroptosis.batch.Merge} joins shards.
 */
package necroptosis.batch;
