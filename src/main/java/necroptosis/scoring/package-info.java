/**
 * MLKL (DAB) scoring: the thresholds that define weak/moderate/strong staining
 * ({@link necroptosis.scoring.DabThresholds}, the one place their defaults live), the mergeable per-region
 * pixel score ({@link necroptosis.scoring.PixelScore}) and the kernel that fills it from a DAB array
 * ({@link necroptosis.scoring.PixelScorer}). The stain arrays are needed anyway (nuclei are found in the
 * haematoxylin), so there is no separate fused RGB-to-score path: the benchmarks in src/bench show
 * deconvolution plus binning far below the cost of decoding.
 */
package necroptosis.scoring;
