package com.notalabel.user.avatar;

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
 * Limits on profile pictures ({@code nal.avatar.*}).
 *
 * @param maxSize the largest upload read; larger ones are refused before being read whole
 * @param maxPixels the most pixels an image may declare in its header; it is decoded only
 * below this (a decoded pixel takes up to 8 bytes)
 * @param minDimension the fewest pixels of the shorter side
 * @param concurrentRenders images decoded at once on one instance, which bounds the heap
 * they take
 * @param renderWait how long an upload waits for a decoding slot before a 503
 * @param jpegQuality the stored renditions' JPEG quality
 */
@Validated
@ConfigurationProperties("nal.avatar")
record AvatarProperties(@NotNull @DefaultValue("5MB") DataSize maxSize,
		@Min(1) @DefaultValue("40000000") long maxPixels, @Min(1) @DefaultValue("96") int minDimension,
		@Min(1) @DefaultValue("2") int concurrentRenders, @NotNull @DefaultValue("10s") Duration renderWait,
		@DecimalMin("0.1") @DecimalMax("1.0") @DefaultValue("0.88") float jpegQuality) {

}
