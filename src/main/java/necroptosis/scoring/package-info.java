/**
 * MLKL (DAB) scoring: the thresholds that define weak/moderate/strong staining
 * ({@link necroptosis.scoring.DabThresholds}, the one place their defaults live), the mergeable per-region
 * pixel score ({@link necroptosis.scoring.PixelScore}). The slide analysis bins pixels per block
 * ({@code necroptosis.pipeline.BlockGrid#addPixels}) and reads block scores back as {@code PixelScore}s.
 */
package necroptosis.scoring;
