package com.notalabel.payment.statement;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;
import com.notalabel.types.money.Money;

/**
 * The signed-in person's statement of a month, as JSON or, with {@code Accept: text/csv},
 * as CSV (RFC 4180) with decimal amounts.
 */
@RestController
class StatementController {

	private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final Statements statements;

	StatementController(Statements statements) {
		this.statements = statements;
	}

	@GetMapping("/api/v1/payments/statements")
	ResponseEntity<?> statement(CurrentUser user, @RequestParam String period,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		Statement statement = this.statements.of(user.id(), month(period));
		if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv")) {
			return csv(statement);
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(statement);
	}

	private static ResponseEntity<String> csv(Statement statement) {
		StringBuilder csv = new StringBuilder(
				"period,track_id,track_title,store,currency,gross,fee,payee,you,share,held\r\n");
		for (Statement.Line line : statement.lines()) {
			for (Statement.Payee payee : line.payees()) {
				row(csv, statement.period(), (line.trackId() != null) ? line.trackId().toString() : "",
						line.trackTitle(), line.store(), line.gross().currency().getCurrencyCode(),
						decimal(line.gross()), decimal(line.fee()), payee.payee(), String.valueOf(payee.you()),
						decimal(payee.share()), decimal(payee.held()));
			}
		}
		for (Statement.Total total : statement.totals()) {
			row(csv, statement.period(), "", "TOTAL (paid out " + decimal(total.paid()) + ")", "", total.currency(),
					decimal(total.gross()), decimal(total.fee()), "", "", decimal(total.shares()),
					decimal(total.held()));
		}
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"statement-" + statement.period() + ".csv\"")
			.body(csv.toString());
	}

	private static YearMonth month(String period) {
		if (period.length() != 7) {
			throw new InvalidPeriod();
		}
		try {
			YearMonth month = YearMonth.parse(period);
			if (month.getYear() < 1900 || month.getYear() > 9999) {
				throw new InvalidPeriod();
			}
			return month;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidPeriod();
		}
	}

	private static String decimal(Money money) {
		return Amounts.decimal(money);
	}

	private static void row(StringBuilder csv, @Nullable String... cells) {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(escape(cells[i]));
		}
		csv.append("\r\n");
	}

	/**
	 * Quotes a cell when it needs it (RFC 4180), and defuses a leading character that a
	 * spreadsheet would run as a formula (a store or title could be written to do so).
	 */
	static String escape(@Nullable String cell) {
		if (cell == null) {
			return "";
		}
		String value = (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+"))
				? "'" + cell : cell;
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
				|| value.startsWith("'")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

}
