/**
 * DDEX for the distribution of releases: ERN 4.3 messages (the JAXB classes in
 * {@code com.notalabel.ddex.ern43} are generated from DDEX's schemas at build time) read
 * and written only when valid, and the files of DDEX's SFTP batch choreography: the
 * batch's id, its manifest, written last, and the store's acknowledgements. Shared by
 * distribution-service, which sends, and the reference store, which ingests as a
 * streaming service does. No Spring.
 */
@NullMarked
package com.notalabel.ddex;

import org.jspecify.annotations.NullMarked;
