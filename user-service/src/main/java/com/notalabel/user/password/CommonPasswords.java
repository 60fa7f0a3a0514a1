package com.notalabel.user.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;

/**
 * The passwords attackers try first: zxcvbn's list of the 30,000 most common ones
 * ({@code passwords/README.md} names the source and its license). Compared without regard
 * to case, since guessing tools try case variants first.
 */
final class CommonPasswords {

	static final String RESOURCE = "passwords/common-passwords.txt";

	private final Set<String> passwords;

	private CommonPasswords(Set<String> passwords) {
		this.passwords = Set.copyOf(passwords);
	}

	static CommonPasswords load() {
		Set<String> passwords = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty())
				.forEach((line) -> passwords.add(fold(line)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the common password list " + RESOURCE, ex);
		}
		return new CommonPasswords(passwords);
	}

	boolean contains(String password) {
		return this.passwords.contains(fold(password));
	}

	int size() {
		return this.passwords.size();
	}

	/**
	 * How many entries a password of the minimum length could match.
	 */
	long sizeAtLeast(int length) {
		return this.passwords.stream()
			.filter((password) -> password.codePointCount(0, password.length()) >= length)
			.count();
	}

	private static String fold(String password) {
		return password.toLowerCase(Locale.ROOT);
	}

}
