package com.notalabel.shared.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import com.notalabel.shared.web.Problems.FieldError;

/**
 * The page a client asked for with {@code ?page=0&size=20} (ARCHITECTURE.md §3): a
 * negative page or a size below 1 is refused, a size above {@value #MAX_SIZE} is capped.
 * A controller reads the two parameters with these defaults:
 *
 * <pre class="code">
 * &#64;GetMapping("/api/v1/albums")
 * PageResponse&lt;AlbumResponse&gt; list(CurrentUser user,
 *         &#64;RequestParam(defaultValue = PageQuery.FIRST_PAGE) int page,
 *         &#64;RequestParam(defaultValue = PageQuery.DEFAULT_SIZE) int size) {
 *     return this.albums.list(user.id(), PageQuery.of(page, size));
 * }
 * </pre>
 *
 * @param page the page number, from 0
 * @param size the page size, from 1 to {@value #MAX_SIZE}
 */
public record PageQuery(int page, int size) {

	/** The page answered when none is asked for. */
	public static final String FIRST_PAGE = "0";

	/** The size answered when none is asked for. */
	public static final String DEFAULT_SIZE = "20";

	/** The largest size answered; a larger one asked for is capped. */
	public static final int MAX_SIZE = 100;

	public PageQuery {
		if (page < 0 || size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("Page " + page + " of size " + size + " does not exist");
		}
	}

	/**
	 * The page asked for, its size capped at {@value #MAX_SIZE}.
	 * @param page the page number
	 * @param size the page size
	 * @return the query
	 * @throws InvalidListQuery naming each parameter out of range
	 */
	public static PageQuery of(int page, int size) {
		List<FieldError> errors = errors(page, size);
		if (!errors.isEmpty()) {
			throw new InvalidListQuery(errors);
		}
		return new PageQuery(page, Math.min(size, MAX_SIZE));
	}

	/**
	 * What is wrong with the parameters, for a list that checks more parameters and
	 * answers every wrong one at once.
	 * @param page the page number
	 * @param size the page size
	 * @return one error per parameter out of range, none if both are fine
	 */
	public static List<FieldError> errors(int page, int size) {
		List<FieldError> errors = new ArrayList<>();
		if (page < 0) {
			errors.add(new FieldError("page", "must be 0 or more"));
		}
		if (size < 1) {
			errors.add(new FieldError("size", "must be 1 or more"));
		}
		return errors;
	}

	public Pageable pageable() {
		return PageRequest.of(this.page, this.size);
	}

	public Pageable pageable(Sort sort) {
		return PageRequest.of(this.page, this.size, sort);
	}

}
