package com.notalabel.payment.testing;

import com.notalabel.payment.testing.Artists.Artist;
import com.notalabel.test.http.Response;
import com.notalabel.types.id.TrackId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payee with a connected account at the test Stripe and a balance to pay out.
 */
public final class PayoutFixture {

	private final PaymentFixture fixture;

	public PayoutFixture(PaymentFixture fixture) {
		this.fixture = fixture;
	}

	/**
	 * @param balanceMinor the USD balance the payee starts with
	 * @return the payee, whose account is set up and ready for transfers
	 */
	public Payee payee(long balanceMinor) {
		Artist artist = this.fixture.artists.create();
		StripeStubs stripe = new StripeStubs().account(artist.id(), true);
		Response account = artist.http().post("/api/v1/payouts/account").send();
		assertThat(account.status()).as(account.toString()).isEqualTo(200);
		if (balanceMinor > 0) {
			TrackId track = this.fixture.artists.track(artist, "Paid");
			this.fixture.reports
				.post(Reports.of(artist.id()).line(track, "spotify", "2026-04", balanceMinor, "USD").build());
		}
		return new Payee(artist, stripe);
	}

	/**
	 * @param artist the payee
	 * @param stripe Stripe's stubs for their account
	 */
	public record Payee(Artist artist, StripeStubs stripe) {

	}

}
