package com.notalabel.ai.provider;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.types.Uuid7;
import com.notalabel.types.id.UserId;

/**
 * Each artist's daily token budget, counted from the calls recorded: the tokens and the
 * cost of every call are kept, so the count is the sum since midnight UTC. Two calls at
 * once may both pass the check and overrun the budget by one answer; the next is refused.
 */
@Component
public class TokenBudget {

	private final JdbcClient jdbc;

	private final AiSettings settings;

	private final Clock clock;

	TokenBudget(JdbcClient jdbc, AiSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Refuses a call once today's budget is used.
	 * @param owner the artist
	 * @throws BudgetExhausted when it is
	 */
	@Transactional(readOnly = true)
	public void check(UserId owner) {
		Instant now = this.clock.instant();
		if (spentToday(owner, now) >= this.settings.dailyTokenBudget()) {
			throw new BudgetExhausted(this.settings.dailyTokenBudget(), nextMidnight(now), now);
		}
	}

	@Transactional(readOnly = true)
	public long spentToday(UserId owner) {
		return spentToday(owner, this.clock.instant());
	}

	private long spentToday(UserId owner, Instant now) {
		Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
		return this.jdbc
			.sql("select coalesce(sum(prompt_tokens + completion_tokens), 0) from provider_call"
					+ " where owner_id = ? and called_at >= ?")
			.params(owner.value(), Timestamp.from(midnight))
			.query(Long.class)
			.single();
	}

	@Transactional
	public void record(UserId owner, String purpose, String provider, String model, Completion completion) {
		BigDecimal cost = this.settings.inputCostPerMillion()
			.multiply(BigDecimal.valueOf(completion.promptTokens()))
			.add(this.settings.outputCostPerMillion().multiply(BigDecimal.valueOf(completion.completionTokens())))
			.divide(BigDecimal.valueOf(1_000_000), 6, RoundingMode.HALF_UP);
		this.jdbc.sql("""
				insert into provider_call (id, owner_id, purpose, provider, model, prompt_tokens, completion_tokens,
				    cost_usd, called_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Uuid7.next(), owner.value(), purpose, provider, model, completion.promptTokens(),
					completion.completionTokens(), cost, Timestamp.from(this.clock.instant()))
			.update();
	}

	private static Instant nextMidnight(Instant now) {
		return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
	}

}
