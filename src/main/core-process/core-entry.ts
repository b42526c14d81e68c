import { connectToParent } from './child-channel';
import { runCoreChild } from './core-child';

/** The core process: started by main (utilityProcess.fork), it opens the store when main sends the options. */
runCoreChild(connectToParent());
