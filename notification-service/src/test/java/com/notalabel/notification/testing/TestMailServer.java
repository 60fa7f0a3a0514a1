package com.notalabel.notification.testing;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.notalabel.test.infra.AtExit;

/**
 * The SMTP server (GreenMail) of this JVM: started once, on a free port of the loopback
 * interface, on first use. Tests tell their mails apart by recipient, since every test
 * context and test shares it.
 */
public final class TestMailServer {

	private static final String HOST = "127.0.0.1";

	private static GreenMail server = start(new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP).dynamicPort());

	private static final int PORT = server.getSmtp().getPort();

	static {
		AtExit.run(() -> current().stop());
	}

	private TestMailServer() {
	}

	public static int port() {
		return PORT;
	}

	/**
	 * The mails received for an address so far.
	 * @param address the recipient
	 * @return those mails, oldest first
	 */
	public static List<ReceivedMail> mailsTo(String address) {
		return Arrays.stream(current().getReceivedMessages())
			.filter((message) -> isAddressedTo(message, address))
			.map(ReceivedMail::of)
			.toList();
	}

	/**
	 * Takes the server down until the returned outage is closed, when it comes back on
	 * the same port. Mails received before are forgotten.
	 * @return the outage, to be closed
	 */
	public static synchronized Outage outage() {
		current().stop();
		return () -> {
			synchronized (TestMailServer.class) {
				server = start(new ServerSetup(PORT, HOST, ServerSetup.PROTOCOL_SMTP));
			}
		};
	}

	private static synchronized GreenMail current() {
		return server;
	}

	private static GreenMail start(ServerSetup setup) {
		GreenMail greenMail = new GreenMail(setup);
		greenMail.start();
		return greenMail;
	}

	private static boolean isAddressedTo(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients)
				.anyMatch((recipient) -> recipient instanceof InternetAddress internet
						&& address.equalsIgnoreCase(internet.getAddress()));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A period in which the server does not answer.
	 */
	@FunctionalInterface
	public interface Outage extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * Points {@code spring.mail.*} at this server. Every test context uses it, and its
	 * values are the same in every context, so the contexts can be shared.
	 */
	public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("spring.mail.host=" + HOST, "spring.mail.port=" + port()).applyTo(context);
		}

	}

}
