package com.notalabel.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;

import com.notalabel.shared.web.Problems.FieldError;

/**
 * The order of a list, asked for with {@code ?sort=key} or {@code ?sort=key,asc} /
 * {@code ,desc}: one rule for every list of the service. A key the list does not offer,
 * another direction, or anything more is refused with a 400 naming {@code sort}, never
 * ignored: a client that asked for an order and got another would not know it.
 */
public final class SortOrder {

	/** The query parameter. */
	public static final String PARAMETER = "sort";

	private SortOrder() {
	}

	/**
	 * The order asked for, refused if it is not one the list offers.
	 * @param value the parameter as sent
	 * @param keys the orders the list offers
	 * @return the order
	 * @throws InvalidListQuery naming {@code sort}
	 */
	public static Sort of(String value, List<Key> keys) {
		List<FieldError> errors = new ArrayList<>();
		Sort sort = parse(value, keys, errors);
		if (!errors.isEmpty()) {
			throw new InvalidListQuery(errors);
		}
		return sort;
	}

	/**
	 * The order asked for, for a list that checks more parameters and refuses every wrong
	 * one at once.
	 * @param value the parameter as sent
	 * @param keys the orders the list offers
	 * @param errors where a refusal is added
	 * @return the order, unsorted if refused
	 */
	public static Sort parse(String value, List<Key> keys, List<FieldError> errors) {
		String[] parts = value.strip().toLowerCase(Locale.ROOT).split(",", -1);
		Sort.@Nullable Direction direction = null;
		if (parts.length == 2) {
			direction = switch (parts[1].strip()) {
				case "asc" -> Sort.Direction.ASC;
				case "desc" -> Sort.Direction.DESC;
				default -> null;
			};
			if (direction == null) {
				errors.add(new FieldError(PARAMETER, "must end in ,asc or ,desc"));
				return Sort.unsorted();
			}
		}
		String name = parts[0].strip();
		for (Key key : keys) {
			if (parts.length <= 2 && key.name().toLowerCase(Locale.ROOT).equals(name)) {
				return key.order().apply((direction != null) ? direction : key.defaultDirection());
			}
		}
		errors
			.add(new FieldError(PARAMETER, "must be " + keys.stream().map(Key::name).collect(Collectors.joining(" or "))
					+ ", optionally followed by ,asc or ,desc"));
		return Sort.unsorted();
	}

	/**
	 * An order a list offers.
	 *
	 * @param name what the client names it, e.g. {@code created}
	 * @param defaultDirection its direction when none is named
	 * @param order the order for a direction, ending in a unique column so that pages
	 * never overlap or skip an item
	 */
	public record Key(String name, Sort.Direction defaultDirection, Function<Sort.Direction, Sort> order) {

	}

}
