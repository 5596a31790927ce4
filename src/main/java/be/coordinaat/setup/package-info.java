/**
 * First start: fills the demo board (only on the embedded database, or when asked) and creates the first
 * board admin in production from a one-time setting. Prints where to open Coordinaat and how to sign in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Setup")
package be.coordinaat.setup;
