package com.notalabel.gateway.web;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

/**
 * The headers the header filters hand to the routing filter, walked without a copy of
 * their names. Spring Framework 7's {@link HttpHeaders#forEach} and
 * {@link HttpHeaders#headerNames} first build a case-insensitive map of the names
 * (lower-case copies and all), so that a map that is not case-insensitive yields each
 * name once; the routing filter walks each request's and each answer's headers that way
 * two or three times. Backed only by maps that already hold each name once, whatever its
 * case (Netty's headers filled from such a map, a {@code LinkedCaseInsensitiveMap}),
 * these walk the map itself.
 */
final class ProxiedHeaders extends HttpHeaders {

	ProxiedHeaders(MultiValueMap<String, String> headers) {
		super(headers);
	}

	@Override
	public void forEach(BiConsumer<? super String, ? super List<String>> action) {
		asMultiValueMap().forEach(action);
	}

	/**
	 * The names as the map holds them, each once; {@code contains} ignores case, as the
	 * backing map's look-ups do.
	 */
	@Override
	public Set<String> headerNames() {
		MultiValueMap<String, String> headers = asMultiValueMap();
		return new AbstractSet<>() {

			@Override
			public Iterator<String> iterator() {
				return headers.keySet().iterator();
			}

			@Override
			public int size() {
				return headers.size();
			}

			@Override
			public boolean contains(Object name) {
				return headers.containsKey(name);
			}

		};
	}

}
