export { createCore, type Core, type CoreOptions } from './core';
export { AcceleratedClock, systemClock, ManualClock, type Clock } from './clock';
export { consoleLogger, silentLogger, type Logger } from './logger';
