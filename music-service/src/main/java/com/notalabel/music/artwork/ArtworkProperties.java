package com.notalabel.music.artwork;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and quality of cover artwork ({@code nal.artwork.*}).
 *
 * @param maxSize the largest upload accepted; the body is held in memory up to this size
 * @param maxDimension the longest side accepted, checked from the image header before any
 * pixel is decoded
 * @param maxPixels the most pixels accepted, checked likewise; a decoded image takes up
 * to 8 bytes per pixel (16-bit RGBA)
 * @param minDimension the shortest side accepted; anything between this and 3000 pixels
 * is kept with a readiness warning
 * @param jpegQuality the renditions' JPEG quality, 0 to 1
 * @param concurrentRenders how many images this instance decodes at once, which bounds
 * the memory that artwork can take
 * @param renderWait how long an upload waits for its turn before it is refused with 503
 */
@Validated
@ConfigurationProperties("nal.artwork")
public record ArtworkProperties(@NotNull @DefaultValue("20MB") DataSize maxSize,
		@Min(1) @DefaultValue("6000") int maxDimension, @Min(1) @DefaultValue("36000000") long maxPixels,
		@Min(1) @DefaultValue("300") int minDimension,
		@DecimalMin("0.1") @DecimalMax("1.0") @DefaultValue("0.9") float jpegQuality,
		@Min(1) @DefaultValue("2") int concurrentRenders, @NotNull @DefaultValue("30s") Duration renderWait) {

}
