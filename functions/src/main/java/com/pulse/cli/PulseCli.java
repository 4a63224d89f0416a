package com.pulse.cli;

public final class PulseCli {
  public static void main(String[] args) { System.out.println("pulse"); }
}
