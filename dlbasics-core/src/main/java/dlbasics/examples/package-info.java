/**
 * Small runnable programs that show the library as a user would call it; each is run by a test
 * ({@code ExamplesTest}), so none goes stale.
 */
package dlbasics.examples;
