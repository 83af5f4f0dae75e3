package dev.roadmap.account.login;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import dev.roadmap.shared.EmailAddresses;
import dev.roadmap.shared.Sha256;

/**
 * What the {@link LoginThrottle} counts failures under, as SHA-256 hashes, so that the
 * table holds neither e-mail nor client addresses: the e-mail address as it is compared
 * (normalized), and the client address, an IPv6 address by its /64 network.
 */
final class LoginKeys {

	private LoginKeys() {
	}

	static byte[] accountKey(String username) {
		return Sha256.of("account:" + EmailAddresses.normalize(username));
	}

	/**
	 * An IPv4 address as it is; an IPv6 address by its /64 network, which one customer
	 * usually holds whole.
	 */
	static byte[] addressKey(String address) {
		if (address == null) {
			return Sha256.of("address:");
		}
		if (address.indexOf(':') >= 0) {
			// An IPv6 literal: parsed without any name lookup.
			try {
				byte[] bytes = InetAddress.getByName(address.replaceAll("^\\[|%.*$|\\]$", "")).getAddress();
				if (bytes.length == 16) {
					Arrays.fill(bytes, 8, 16, (byte) 0);
					return Sha256.of("address:" + InetAddress.getByAddress(bytes).getHostAddress());
				}
			}
			catch (UnknownHostException ex) {
				// not an address after all: count it as it was given
			}
		}
		return Sha256.of("address:" + address);
	}

}
