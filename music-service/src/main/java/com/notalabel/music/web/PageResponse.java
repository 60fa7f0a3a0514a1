package com.notalabel.music.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A page of a list (ARCHITECTURE.md §3).
 *
 * @param items this page's items
 * @param page the page number, from 0
 * @param size the page size asked for, at most {@value #MAX_SIZE}
 * @param totalItems items in the whole list
 * @param <T> the item type
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems) {

	public static final int MAX_SIZE = 100;

	/**
	 * The page a client asked for, its size capped at {@value #MAX_SIZE}.
	 * @param page the page number, from 0
	 * @param size the page size, at least 1
	 * @param sort the order
	 * @return the page request
	 */
	public static Pageable request(int page, int size, Sort sort) {
		return PageRequest.of(page, Math.min(size, MAX_SIZE), sort);
	}

	public static <E, T> PageResponse<T> of(Page<E> page, Function<? super E, ? extends T> mapper) {
		return new PageResponse<>(page.getContent().stream().<T>map(mapper).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements());
	}

}
