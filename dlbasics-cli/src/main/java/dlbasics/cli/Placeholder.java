package dlbasics.cli; final class Placeholder {}
