package com.notalabel.music.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.hibernate.exception.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import com.notalabel.audio.inspection.Tags;
import com.notalabel.music.storage.ObjectKeys;
import com.notalabel.music.track.Track;
import com.notalabel.music.track.TrackDetails;
import com.notalabel.music.track.TrackDetailsReader;
import com.notalabel.music.track.TrackDetailsRequest;
import com.notalabel.music.track.TrackDetailsRules;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.music.track.TrackResponse;
import com.notalabel.shared.web.ProblemException;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * Takes an upload from request to track. Every refusal that can be decided before the
 * object exists (format, tags, size, quota, metadata, duplicate) is decided there, so it
 * only aborts; only the final transaction can fail after the object is committed, and
 * then the object is deleted. A failed upload leaves no object, no open multipart upload
 * and no row. Nothing is committed before the whole body has arrived: a body that ends
 * early is truncated (400), one that stops arriving times out (408).
 */
@Service
class TrackUploads {

	/** The metadata part is a small JSON document; anything larger is not one. */
	static final int MAX_METADATA_BYTES = 16 << 10;

	/**
	 * A part's headers at most: FileUpload's default (512 bytes) refuses the name of a
	 * file named in 200 characters of any script but Latin; a file name longer than this
	 * is not one a file system gives.
	 */
	static final int MAX_PART_HEADER_BYTES = 8 << 10;

	/** {@code file} and {@code metadata}; more parts are not an upload. */
	private static final int MAX_PARTS = 2;

	private static final String DUPLICATE_CONSTRAINT = "track_owner_sha256_key";

	private final TrackRepository tracks;

	private final OriginalReceiver receiver;

	private final UploadRecorder recorder;

	private final UploadProperties properties;

	private final JsonMapper mapper;

	TrackUploads(TrackRepository tracks, OriginalReceiver receiver, UploadRecorder recorder,
			UploadProperties properties, JsonMapper mapper) {
		this.tracks = tracks;
		this.receiver = receiver;
		this.recorder = recorder;
		this.properties = properties;
		this.mapper = mapper;
	}

	/**
	 * Receives an upload.
	 * @param owner the artist
	 * @param request the multipart request, body unread
	 * @return the new track, processing
	 */
	TrackResponse upload(UserId owner, HttpServletRequest request) {
		UploadLimits limits = this.properties.limits();
		long used = this.tracks.storageUsedBy(owner.value());
		limits.checkDeclared(request.getContentLengthLong(), used);
		TrackId id = TrackId.newId();
		String key = ObjectKeys.original(owner, id);
		PendingOriginal original = null;
		UploadBody body = null;
		try {
			UploadBody.Watched watched = UploadBody.of(request);
			body = watched.body();
			TrackDetailsRequest metadata = null;
			FileItemInputIterator items = parser().getItemIterator(watched.context());
			int parts = 0;
			while (items.hasNext()) {
				FileItemInput item = items.next();
				String name = Optional.ofNullable(item.getFieldName()).orElse("");
				if (++parts > MAX_PARTS) {
					throw new UploadRejected(name, "is one part too many: an upload has a file and its metadata");
				}
				if (name.equals("file") && original == null) {
					original = this.receiver.receive(item, key, limits, used);
				}
				else if (name.equals("metadata") && metadata == null) {
					metadata = TrackDetailsReader.read(this.mapper, metadataBytes(item), "metadata.");
					// Checked as soon as it arrives, so that a mistake is reported before a
					// large file that follows is stored; the title is settled afterwards.
					TrackDetailsRules.check(metadata, "metadata.", "Untitled");
				}
				else {
					throw new UploadRejected(name, (name.equals("file") || name.equals("metadata")) ? "is sent twice"
							: "is not a part of an upload");
				}
			}
			// The closing boundary arrived; the body must end there, all of it received.
			body.readToEnd();
			if (original == null) {
				throw new UploadRejected("file", "is required");
			}
			PendingOriginal.Received received = original.received();
			TrackDetails details = details(metadata, received);
			Optional<Track> existing = this.tracks.findByOwnerIdAndSha256(owner.value(), received.sha256());
			if (existing.isPresent()) {
				throw new DuplicateUpload(existing.get().id());
			}
			original.commit();
			try {
				return this.recorder.record(id, owner, key, received, details, limits);
			}
			catch (RuntimeException ex) {
				original.delete();
				throw duplicateOr(ex, owner, received.sha256());
			}
		}
		catch (IOException ex) {
			// The body broke off, stopped arriving, or is not a well-formed multipart
			// message (FileUpload's exceptions are IOExceptions too).
			ProblemException problem = (body != null) ? body.problem(ex, this.properties.bodyTimeout())
					: new UploadBodyTruncated();
			throw UploadBodyProblems.remember(request, problem);
		}
		finally {
			if (original != null) {
				original.close();
			}
		}
	}

	private static JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> parser() {
		JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> parser = new JakartaServletFileUpload<>();
		// Browsers write file names in UTF-8; bytes that are not come out as U+FFFD, which
		// the fallback title drops.
		parser.setHeaderCharset(StandardCharsets.UTF_8);
		parser.setMaxPartHeaderSize(MAX_PART_HEADER_BYTES);
		return parser;
	}

	/**
	 * The metadata part wins; what it leaves out, the tags pre-fill: the title (then the
	 * client's file name, then "Untitled"), the ISRC if it is a valid one, the genre.
	 */
	private static TrackDetails details(@Nullable TrackDetailsRequest metadata, PendingOriginal.Received received) {
		Tags tags = received.tags();
		TrackDetailsRequest given = (metadata != null) ? metadata
				: new TrackDetailsRequest(null, null, null, null, null, null, null);
		String isrc = (given.isrc() != null) ? given.isrc() : TrackDetailsRules.isrcOrNull(tags.isrc());
		String genre = (given.genre() != null) ? given.genre()
				: TrackDetailsRules.fit(tags.genre(), TrackDetailsRules.MAX_GENRE_LENGTH);
		TrackDetailsRequest prefilled = new TrackDetailsRequest(given.title(), given.versionTitle(), isrc,
				given.explicit(), genre, given.language(), given.credits());
		return TrackDetailsRules.check(prefilled, "metadata.", fallbackTitle(tags, received.clientFileName()));
	}

	private static String fallbackTitle(Tags tags, @Nullable String clientFileName) {
		String title = TrackDetailsRules.fit(tags.title(), TrackDetailsRules.MAX_TITLE_LENGTH);
		if (title == null && clientFileName != null) {
			String name = clientFileName
				.substring(Math.max(clientFileName.lastIndexOf('/'), clientFileName.lastIndexOf('\\')) + 1);
			int dot = name.lastIndexOf('.');
			title = TrackDetailsRules.fit((dot > 0) ? name.substring(0, dot) : name,
					TrackDetailsRules.MAX_TITLE_LENGTH);
		}
		return (title != null) ? title : "Untitled";
	}

	private static byte[] metadataBytes(FileItemInput item) throws IOException {
		try (InputStream in = item.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_METADATA_BYTES + 1);
			if (bytes.length > MAX_METADATA_BYTES) {
				throw new UploadRejected("metadata", "must be at most " + (MAX_METADATA_BYTES >> 10) + " KB of JSON");
			}
			return bytes;
		}
	}

	/**
	 * A concurrent upload of the same bytes that got past the lock's check (it cannot,
	 * but the constraint is what guarantees it) is the same duplicate.
	 */
	private RuntimeException duplicateOr(RuntimeException ex, UserId owner, String sha256) {
		if (ex instanceof DataIntegrityViolationException && ex.getCause() instanceof ConstraintViolationException cause
				&& DUPLICATE_CONSTRAINT.equals(cause.getConstraintName())) {
			return this.tracks.findByOwnerIdAndSha256(owner.value(), sha256)
				.<RuntimeException>map((existing) -> new DuplicateUpload(existing.id()))
				.orElse(ex);
		}
		return ex;
	}

}
