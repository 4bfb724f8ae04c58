/**
 * Memory footprint of the map strategies, measured with JOL outside any timed code: what each
 * strategy retains when filled, after every entry is removed, and when refilled, split into the
 * structure it adds and the keys' and values' own bytes. Entry point {@link dev.mapbench.cli.FootprintCli};
 * file format {@link dev.mapbench.footprint.FootprintReport}.
 */
package dev.mapbench.footprint;
