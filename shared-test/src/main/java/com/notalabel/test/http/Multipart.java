package com.notalabel.test.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A {@code multipart/form-data} body built as a stream, so that a test can send a file of
 * any size, with or without a {@code Content-Length}.
 */
public final class Multipart {

	private final String boundary = "nal-test-" + UUID.randomUUID();

	private final List<Part> parts = new ArrayList<>();

	public static Multipart file(@Nullable String fileName, byte[] content) {
		return new Multipart().part("file", fileName, "application/octet-stream", content);
	}

	public static Multipart file(@Nullable String fileName, Supplier<InputStream> content, long length) {
		return new Multipart().part("file", fileName, "application/octet-stream", content, length);
	}

	public Multipart metadata(String json) {
		return part("metadata", null, "application/json", json.getBytes(StandardCharsets.UTF_8));
	}

	public Multipart part(String name, @Nullable String fileName, String contentType, byte[] content) {
		return part(name, fileName, contentType, () -> new ByteArrayInputStream(content), content.length);
	}

	public Multipart part(String name, @Nullable String fileName, String contentType, Supplier<InputStream> content,
			long length) {
		this.parts.add(new Part(name, fileName, contentType, content, length));
		return this;
	}

	public String contentType() {
		return "multipart/form-data; boundary=" + this.boundary;
	}

	public long length() {
		long length = closing().length;
		for (Part part : this.parts) {
			length += header(part).length + part.length() + 2;
		}
		return length;
	}

	public InputStream stream() {
		List<InputStream> streams = new ArrayList<>();
		for (Part part : this.parts) {
			streams.add(new ByteArrayInputStream(header(part)));
			streams.add(part.content().get());
			streams.add(new ByteArrayInputStream("\r\n".getBytes(StandardCharsets.US_ASCII)));
		}
		streams.add(new ByteArrayInputStream(closing()));
		return new SequenceInputStream(Collections.enumeration(streams));
	}

	/**
	 * The body to send.
	 * @param declareLength whether the request has a {@code Content-Length}; without one
	 * it is sent chunked
	 * @return the publisher
	 */
	public BodyPublisher publisher(boolean declareLength) {
		BodyPublisher chunked = BodyPublishers.ofInputStream(this::stream);
		return declareLength ? BodyPublishers.fromPublisher(chunked, length()) : chunked;
	}

	private byte[] header(Part part) {
		String disposition = "form-data; name=\"" + part.name() + "\""
				+ ((part.fileName() != null) ? "; filename=\"" + part.fileName() + "\"" : "");
		return ("--" + this.boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: "
				+ part.contentType() + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private byte[] closing() {
		return ("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
	}

	private record Part(String name, @Nullable String fileName, String contentType, Supplier<InputStream> content,
			long length) {

	}

}
