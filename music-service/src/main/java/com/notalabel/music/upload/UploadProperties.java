package com.notalabel.music.upload;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import com.notalabel.audio.inspection.TagLimits;

/**
 * How uploads are received ({@code nal.upload.*}).
 *
 * @param maxSize the largest file accepted
 * @param quota how much original audio one artist may store
 * @param partSize the size of an S3 part, which is also the unit of memory an upload
 * holds; S3 wants at least 5 MiB
 * @param partsInFlight parts of one upload sent to S3 at the same time, while the next is
 * read from the client
 * @param bufferMemory part buffers all uploads together may hold; an upload that finds it
 * spent waits up to {@code bufferWait}, then is answered 503
 * @param bufferWait how long an upload waits for buffer memory
 * @param bodyTimeout how long a request body may go without a byte before it is answered
 * 408; the container enforces it ({@code server.tomcat.connection-timeout} is set from
 * it)
 */
@Validated
@ConfigurationProperties("nal.upload")
public record UploadProperties(@NotNull @DefaultValue("1GB") DataSize maxSize,
		@NotNull @DefaultValue("10GB") DataSize quota, @NotNull @DefaultValue("8MB") DataSize partSize,
		@Min(1) @Max(16) @DefaultValue("2") int partsInFlight, @NotNull @DefaultValue("256MB") DataSize bufferMemory,
		@NotNull @DefaultValue("30s") Duration bufferWait, @NotNull @DefaultValue("30s") Duration bodyTimeout) {

	private static final long MIN_PART_BYTES = 5L << 20;

	private static final long MAX_PART_BYTES = 512L << 20;

	public UploadProperties {
		if (partSize.toBytes() < MIN_PART_BYTES || partSize.toBytes() > MAX_PART_BYTES) {
			throw new IllegalArgumentException("nal.upload.part-size must be between 5MB (S3's minimum) and 512MB");
		}
		if (bufferMemory.toBytes() < buffersPerUpload(partSize, partsInFlight) * partSize.toBytes()) {
			throw new IllegalArgumentException("nal.upload.buffer-memory must hold at least one upload's buffers ("
					+ buffersPerUpload(partSize, partsInFlight) + " parts)");
		}
	}

	/**
	 * Buffers one upload holds at most: one being filled while the others are sent, and
	 * enough for the longest head the inspection may ask for.
	 * @return the count
	 */
	int buffersPerUpload() {
		return buffersPerUpload(this.partSize, this.partsInFlight);
	}

	UploadLimits limits() {
		return new UploadLimits(this.maxSize.toBytes(), this.quota.toBytes());
	}

	private static int buffersPerUpload(DataSize partSize, int partsInFlight) {
		int head = (int) ((TagLimits.MAX_HEAD_BYTES + partSize.toBytes() - 1) / partSize.toBytes());
		return Math.max(partsInFlight + 1, head);
	}

}
