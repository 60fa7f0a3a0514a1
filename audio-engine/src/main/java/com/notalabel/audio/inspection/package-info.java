/**
 * What an upload is, decided from its first bytes: the audio format by its magic bytes
 * and structure, and the file's own tags, read with hard caps so that a hostile tag costs
 * neither memory nor time. Pure parsing over bytes already in memory; no I/O, no Spring.
 */
@NullMarked
package com.notalabel.audio.inspection;

import org.jspecify.annotations.NullMarked;
