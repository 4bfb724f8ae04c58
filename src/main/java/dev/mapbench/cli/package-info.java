/**
 * The command-line tools, each a picocli command behind one of {@code scripts/}: what it parses and prints,
 * nothing of what it decides, which lives in the packages below.
 */
package dev.mapbench.cli;
