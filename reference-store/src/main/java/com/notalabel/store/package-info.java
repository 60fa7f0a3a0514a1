/**
 * A streaming service's DDEX ingestion, run by the project as the peer that distribution
 * delivers to: an SFTP server (Apache MINA SSHD) that takes batches as stores do, checks
 * each complete one against DDEX's schema and the files against their hash sums, answers
 * with acknowledgements and reports a release live on its release date. No Spring.
 */
@NullMarked
package com.notalabel.store;

import org.jspecify.annotations.NullMarked;
