package com.notalabel.music.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.JpaSort;

import com.notalabel.shared.web.InvalidListQuery;
import com.notalabel.shared.web.SortOrder;
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

	/** The id breaks ties, so that pages never overlap or skip a track. */
	static final List<SortOrder.Key> ORDERS = List.of(
			new SortOrder.Key("created", Sort.Direction.DESC,
					(by) -> Sort.by(new Sort.Order(by, "createdAt"), new Sort.Order(by, "id"))),
			// As the index track_owner_title orders: case-insensitively.
			new SortOrder.Key("title", Sort.Direction.ASC,
					(by) -> JpaSort.unsafe(by, "lower(t.title)").and(Sort.by(by, "id"))));

	/**
	 * Reads the parameters, refusing what does not exist rather than ignoring it.
	 * @param page the page, from 0
	 * @param size the page size, capped at {@value PageQuery#MAX_SIZE}
	 * @param status a {@link TrackStatus} name, or {@code null}
	 * @param sort {@code created} or {@code title}, optionally followed by {@code ,asc}
	 * or {@code ,desc}
	 * @return the query
	 * @throws InvalidListQuery naming every wrong parameter
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
		Sort order = SortOrder.parse(sort, ORDERS, errors);
		if (!errors.isEmpty()) {
			throw new InvalidListQuery(errors);
		}
		return new TrackListQuery(PageQuery.of(page, size).pageable(order), wanted);
	}

}
