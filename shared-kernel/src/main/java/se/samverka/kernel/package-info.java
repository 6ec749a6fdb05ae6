/**
 * The language both sides of Samverka speak: commands, events, typed ids and value objects.
 * Nothing in here knows about Spring or storage; every message is a record, and event class
 * names are stored in the event store, so renaming one needs an upcaster.
 */
package se.samverka.kernel;
