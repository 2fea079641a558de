/** Values the Hub accepts for enum-like fields that the spec types as plain strings. */

/** How a proxy checks that a device is up (DeviceOnlineDetection, OnlineDetection): the docs' values. */
export const ONLINE_DETECTION_MODES = ['None', 'Ping', 'TcpConnect'] as const;
export type OnlineDetectionMode = (typeof ONLINE_DETECTION_MODES)[number];
