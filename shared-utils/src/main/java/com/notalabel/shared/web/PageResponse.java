package com.notalabel.shared.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * A page of a list (ARCHITECTURE.md §3), asked for with a {@link PageQuery}:
 * {@code {"items": [...], "page": 0, "size": 20, "totalItems": 57}}.
 *
 * @param items this page's items
 * @param page the page number, from 0
 * @param size the page size asked for, at most {@value PageQuery#MAX_SIZE}
 * @param totalItems items in the whole list
 * @param <T> the item type
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems) {

	public PageResponse {
		items = List.copyOf(items);
	}

	/**
	 * The answer for a page read from a repository.
	 * @param page the page, whose content is mapped to response records
	 * @param mapper typically a static factory of the response record
	 * ({@code TrackResponse::of})
	 * @param <E> the type read
	 * @param <T> the item type answered
	 * @return the response
	 */
	public static <E, T> PageResponse<T> of(Page<E> page, Function<? super E, ? extends T> mapper) {
		return new PageResponse<>(page.getContent().stream().<T>map(mapper).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements());
	}

}
