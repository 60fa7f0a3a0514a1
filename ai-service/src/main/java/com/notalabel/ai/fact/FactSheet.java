package com.notalabel.ai.fact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every fact known about one artist, with the platform's own facts (store references,
 * lead times) that advice rests on.
 */
public final class FactSheet {

	private final Map<String, Fact> facts = new LinkedHashMap<>();

	public FactSheet(List<Fact> facts) {
		facts.forEach((fact) -> this.facts.put(fact.id(), fact));
	}

	public List<Fact> all() {
		return List.copyOf(this.facts.values());
	}

	public Optional<Fact> get(String id) {
		return Optional.ofNullable(this.facts.get(id));
	}

	public boolean has(String id) {
		return this.facts.containsKey(id);
	}

	public List<Fact> about(String subject) {
		return this.facts.values().stream().filter((fact) -> fact.subject().equals(subject)).toList();
	}

	public List<Fact> startingWith(String prefix) {
		return this.facts.values().stream().filter((fact) -> fact.id().startsWith(prefix)).toList();
	}

	public Optional<Double> number(String id) {
		return get(id).map(Fact::number);
	}

	public Optional<String> text(String id) {
		return get(id).map(Fact::value);
	}

	/**
	 * This sheet and more facts, such as figures derived from these by rules.
	 * @param more the facts to add; one with an id already present replaces it
	 * @return a new sheet
	 */
	public FactSheet with(List<Fact> more) {
		List<Fact> all = new java.util.ArrayList<>(this.facts.values());
		all.addAll(more);
		return new FactSheet(all);
	}

	public boolean isEmpty() {
		return this.facts.isEmpty();
	}

}
