package com.notalabel.notification.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import com.interaso.webpush.WebPush;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import com.notalabel.notification.push.PushSubscriptions.Subscription;
import com.notalabel.shared.transaction.AfterCommit;
import com.notalabel.types.id.UserId;

/**
 * Sends a message to every browser of a person, once the transaction that decided it
 * committed. Each push is encrypted for its browser (aes128gcm, RFC 8291), signed with
 * the VAPID key (RFC 8292), carries a {@code TTL}, and runs on its own virtual thread
 * with a timeout; an endpoint the push service answers 404 or 410 for is removed. A push
 * that fails otherwise is logged and not retried: the inbox has the notification.
 */
@Service
public class Pushes implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Pushes.class);

	/** Pushes in flight at once; more wait their turn on their virtual threads. */
	private static final int CONCURRENCY = 64;

	private final PushSubscriptions subscriptions;

	private final WebPush webPush;

	private final PushSettings settings;

	private final JsonMapper json;

	private final HttpClient http;

	private final ExecutorService executor = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("nal-push-", 0).factory());

	private final Semaphore inFlight = new Semaphore(CONCURRENCY);

	Pushes(PushSubscriptions subscriptions, PushKeys keys, PushSettings settings, JsonMapper json) {
		this.subscriptions = subscriptions;
		this.webPush = new WebPush(settings.subject(), keys.keys());
		this.settings = settings;
		this.json = json;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Sends the message to the person's browsers after the current transaction commits.
	 * @param user the person
	 * @param message what to show
	 */
	public void sendAfterCommit(UserId user, PushMessage message) {
		AfterCommit.run("web push", () -> {
			List<Subscription> browsers = this.subscriptions.of(user);
			if (browsers.isEmpty()) {
				return;
			}
			byte[] payload = this.json.writeValueAsBytes(message);
			for (Subscription browser : browsers) {
				this.executor.execute(() -> send(browser, payload));
			}
		});
	}

	private void send(Subscription browser, byte[] payload) {
		try {
			this.inFlight.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		try {
			Base64.Decoder decoder = Base64.getUrlDecoder();
			byte[] body = this.webPush.getBody(payload, decoder.decode(browser.p256dh()),
					decoder.decode(browser.auth()));
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.endpoint()))
				.timeout(this.settings.timeout())
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			this.webPush
				.getHeaders(browser.endpoint(), (int) this.settings.ttl().toSeconds(), null, WebPush.Urgency.Normal)
				.forEach(request::header);
			int status = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status == 404 || status == 410) {
				this.subscriptions.expire(browser.endpoint(), browser.p256dh());
				log.info("Removed push subscription {}: the push service answered {}", browser, status);
			}
			else if (status < 200 || status > 299) {
				log.warn("Push to {} refused with {}", browser, status);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			log.warn("Push to {} failed: {}", browser, ex.toString());
		}
		finally {
			this.inFlight.release();
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
		this.http.close();
	}

}
