/**
 * Colour deconvolution of brightfield RGB tiles: stain vectors and presets ({@link necroptosis.stain.StainVectors}),
 * the lookup-table deconvolution kernel ({@link necroptosis.stain.ColorDeconvolution}), the per-pixel tissue
 * test, and per-slide estimation of the background intensity and of the stain vectors (Macenko 2009).
 * Pure array code: no GUI, no slide readers, no allocation in the per-pixel paths.
 */
package necroptosis.stain;
