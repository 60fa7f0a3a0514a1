package com.notalabel.ai.fact;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.types.id.UserId;

/**
 * The stored fact sheets. Of two observations of one fact, the later holds, so that a
 * late redelivery never rolls a fact back.
 */
@Component
public class Facts {

	private final JdbcClient jdbc;

	Facts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(UserId owner, List<Fact> facts) {
		boolean erased = this.jdbc.sql("select exists (select 1 from erased_artist where owner_id = ?)")
			.param(owner.value())
			.query(Boolean.class)
			.single();
		if (erased) {
			// Another producer's stream may still carry an event about an account erased since.
			return;
		}
		for (Fact fact : facts) {
			this.jdbc.sql("""
					insert into fact (owner_id, fact_id, label, value, numeric_value, unit, observed_at)
					values (?, ?, ?, ?, ?, ?, ?)
					on conflict (owner_id, fact_id) do update set label = excluded.label, value = excluded.value,
					    numeric_value = excluded.numeric_value, unit = excluded.unit, observed_at = excluded.observed_at
					where fact.observed_at <= excluded.observed_at""")
				.params(owner.value(), fact.id(), fact.label(), fact.value(), fact.number(), fact.unit(),
						Timestamp.from(fact.observedAt()))
				.update();
		}
	}

	/**
	 * Forgets every fact about a subject, such as a deleted track.
	 * @param owner the artist
	 * @param prefix the ids' common start, such as {@code track:<id>:}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forget(UserId owner, String prefix) {
		this.jdbc.sql("delete from fact where owner_id = ? and starts_with(fact_id, ?)")
			.params(owner.value(), prefix)
			.update();
	}

	@Transactional(readOnly = true)
	public FactSheet sheetOf(UserId owner) {
		List<Fact> facts = new ArrayList<>(this.jdbc.sql("""
				select fact_id, label, value, numeric_value, unit, observed_at from fact
				where owner_id = ? order by fact_id""")
			.param(owner.value())
			.query((rs, row) -> new Fact(rs.getString(1), rs.getString(2), rs.getString(3), (Double) rs.getObject(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list());
		return new FactSheet(facts);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public int eraseAll(UserId owner) {
		return this.jdbc.sql("delete from fact where owner_id = ?").param(owner.value()).update();
	}

}
