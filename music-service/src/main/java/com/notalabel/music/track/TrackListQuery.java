package com.notalabel.music.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.JpaSort;

import com.notalabel.shared.web.PageQuery;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * A page of the track list: {@code ?page=0&size=20&status=READY&sort=title,asc}.
 *
 * @param pageable the page and its order
 * @param status only tracks of this status, or all
 */
record TrackListQuery(Pageable pageable, @Nullable TrackStatus status) {

	static final String DEFAULT_SORT = "created,desc";

	/**
	 * Reads the parameters, refusing what does not exist rather than ignoring it.
	 * @param page the page, from 0
	 * @param size the page size, capped at {@value PageQuery#MAX_SIZE}
	 * @param status a {@link TrackStatus} name, or {@code null}
	 * @param sort {@code created} or {@code title}, optionally followed by {@code ,asc}
	 * or {@code ,desc}
	 * @return the query
	 * @throws InvalidTrackQuery naming every wrong parameter
	 */
	static TrackListQuery of(int page, int size, @Nullable String status, String sort) {
		List<FieldError> errors = new ArrayList<>(PageQuery.errors(page, size));
		TrackStatus wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = TrackStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("status", "must be one of PROCESSING, READY, FAILED"));
			}
		}
		Sort order = order(sort, errors);
		if (!errors.isEmpty()) {
			throw new InvalidTrackQuery(errors);
		}
		return new TrackListQuery(PageQuery.of(page, size).pageable(order), wanted);
	}

	private static Sort order(String sort, List<FieldError> errors) {
		String[] parts = sort.strip().toLowerCase(Locale.ROOT).split(",", -1);
		String field = parts[0].strip();
		Sort.Direction direction = null;
		if (parts.length == 2) {
			direction = switch (parts[1].strip()) {
				case "asc" -> Sort.Direction.ASC;
				case "desc" -> Sort.Direction.DESC;
				default -> null;
			};
			if (direction == null) {
				errors.add(new FieldError("sort", "must end in ,asc or ,desc"));
				return Sort.unsorted();
			}
		}
		else if (parts.length > 2) {
			errors.add(new FieldError("sort", "must be created or title, optionally followed by ,asc or ,desc"));
			return Sort.unsorted();
		}
		// The id breaks ties, so that pages never overlap or skip a track.
		return switch (field) {
			case "created" -> {
				Sort.Direction by = (direction != null) ? direction : Sort.Direction.DESC;
				yield Sort.by(new Sort.Order(by, "createdAt"), new Sort.Order(by, "id"));
			}
			case "title" -> {
				Sort.Direction by = (direction != null) ? direction : Sort.Direction.ASC;
				// As the index track_owner_title orders: case-insensitively.
				yield JpaSort.unsafe(by, "lower(t.title)").and(Sort.by(by, "id"));
			}
			default -> {
				errors.add(new FieldError("sort", "must be created or title, optionally followed by ,asc or ,desc"));
				yield Sort.unsorted();
			}
		};
	}

}
