package com.notalabel.music.track;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import com.notalabel.shared.web.JsonMergePatch;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * Reads track metadata JSON, such as an upload's {@code metadata} part, with the
 * service's mapper (which refuses unknown fields), turning every failure into a
 * {@link TrackDetailsRejected} that names the field.
 */
public final class TrackDetailsReader {

	private TrackDetailsReader() {
	}

	/**
	 * Reads metadata.
	 * @param mapper the service's mapper
	 * @param json the JSON document
	 * @param prefix prepended to field names in errors, e.g. {@code metadata.}
	 * @return the metadata, not yet checked
	 */
	public static TrackDetailsRequest read(JsonMapper mapper, byte[] json, String prefix) {
		try {
			return mapper.readValue(json, TrackDetailsRequest.class);
		}
		catch (JacksonException ex) {
			throw rejected(ex, prefix);
		}
	}

	static TrackDetailsRejected rejected(JacksonException ex, String prefix) {
		if (ex instanceof UnrecognizedPropertyException) {
			return new TrackDetailsRejected("The track's metadata has an unknown field.",
					List.of(new FieldError(prefix + JsonMergePatch.fieldOf(ex, ""), "is not a field of this request")));
		}
		if (ex instanceof StreamReadException) {
			return new TrackDetailsRejected("The track's metadata is not valid JSON.",
					List.of(new FieldError(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
							"is not valid JSON")));
		}
		return new TrackDetailsRejected("The track's metadata has a value of the wrong type.",
				List.of(new FieldError(prefix + JsonMergePatch.fieldOf(ex, ""), "has the wrong type or format")));
	}

}
