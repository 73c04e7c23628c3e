// WebGPU in Node: the `webgpu` npm package (Google's Dawn, prebuilt in the package), and the Vulkan
// setup for machines without a GPU. Only device.ts loads this module, and only outside browsers.
//
// Debian's chromium package ships SwiftShader, a Vulkan driver on the CPU, as
// /usr/lib/chromium/vk_swiftshader_icd.json (`dpkg -L chromium-common | grep icd`). When
// VK_ICD_FILENAMES is unset and no system Vulkan driver is installed, numbat points VK_ICD_FILENAMES at
// it; if the system also lacks the Vulkan loader (libvulkan.so.1, Debian's libvulkan1), the copy that
// chromium ships beside the ICD is loaded first, so that Dawn's dlopen("libvulkan.so.1") finds it.
// With a system driver, Dawn's own choice comes first and SwiftShader is the fallback (device.ts).

/// <reference types="@webgpu/types" />

import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";

/** Where chromium packages put the SwiftShader ICD (Debian/Ubuntu, Fedora, snap). */
const SWIFTSHADER_ICDS = [
  "/usr/lib/chromium/vk_swiftshader_icd.json",
  "/usr/lib/chromium-browser/vk_swiftshader_icd.json",
  "/usr/lib64/chromium-browser/vk_swiftshader_icd.json",
  "/snap/chromium/current/usr/lib/chromium-browser/vk_swiftshader_icd.json",
];
const SYSTEM_ICD_DIRS = ["/etc/vulkan/icd.d", "/usr/share/vulkan/icd.d", "/usr/local/share/vulkan/icd.d"];
const LOADER_DIRS = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu", "/lib64"];

/** The SwiftShader Vulkan ICD that chromium installs, or null. */
export function swiftShaderIcd(): string | null {
  return SWIFTSHADER_ICDS.find((p) => existsSync(p)) ?? null;
}

function systemVulkanDrivers(): boolean {
  return SYSTEM_ICD_DIRS.some((d) => { try { return readdirSync(d).some((f) => f.endsWith(".json")); } catch { return false; } });
}

function systemVulkanLoader(): boolean {
  const dirs = [...(process.env.LD_LIBRARY_PATH ?? "").split(":").filter(Boolean), ...LOADER_DIRS];
  return dirs.some((d) => existsSync(join(d, "libvulkan.so.1")));
}

let preloaded: unknown; // keeps the loader library loaded

/** Points Vulkan at SwiftShader (unless the user chose a driver); returns what it did, or undefined. */
export async function useSwiftShader(): Promise<string | undefined> {
  if (process.env.VK_ICD_FILENAMES || process.env.VK_DRIVER_FILES) return undefined;
  const icd = swiftShaderIcd();
  if (!icd) return undefined;
  process.env.VK_ICD_FILENAMES = icd;
  const loader = join(dirname(icd), "libvulkan.so.1");
  if (!systemVulkanLoader() && existsSync(loader)) {
    if (!preloaded) preloaded = (await import("koffi")).default.load(loader);
    return `SwiftShader (VK_ICD_FILENAMES=${icd}, Vulkan loader ${loader})`;
  }
  return `SwiftShader (VK_ICD_FILENAMES=${icd})`;
}

/**
 * Loads Dawn. On Linux without a system Vulkan driver, SwiftShader is set up first; otherwise the
 * caller may fall back to it (`canFallBack`) when Dawn finds no adapter.
 */
export async function dawn(): Promise<{ create: () => GPU; setup: string | undefined; canFallBack: boolean }> {
  let mod: { create(flags: string[]): GPU };
  try {
    mod = await import("webgpu");
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") throw new Error("not installed: no navigator.gpu and the `webgpu` npm package is not installed (npm install webgpu)");
    throw new Error(`the webgpu package failed to load: ${(e as Error).message.split("\n")[0]}`);
  }
  const linux = process.platform === "linux";
  const setup = linux && !systemVulkanDrivers() ? await useSwiftShader() : undefined;
  return { create: () => mod.create([]), setup, canFallBack: linux && setup === undefined };
}
