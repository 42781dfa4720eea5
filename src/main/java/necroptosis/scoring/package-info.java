/**
 * MLKL (DAB) scoring: the thresholds that define weak/moderate/strong staining
 * ({@link necroptosis.scoring.DabThresholds}, the one place their defaults live), the mergeable per-region
 * pixel score ({@link necroptosis.scoring.PixelScore}) and the kernels that fill it from a DAB array
 * ({@link necroptosis.scoring.PixelScorer}) or straight from RGB ({@link necroptosis.scoring.TileScorer}).
 */
package necroptosis.scoring;
