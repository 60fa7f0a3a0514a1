package com.notalabel.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

final class Ports {

	private Ports() {
	}

	static boolean answers(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			socket.setReuseAddress(true);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The preferred port if nothing uses it, else the first free one after it.
	 */
	static int preferring(int preferred) {
		for (int port = preferred; port < preferred + 100; port++) {
			if (free(port)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port near " + preferred);
	}

}
