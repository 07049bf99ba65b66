export { createScratchDatabase, dropScratchDatabase } from '@revisit/testing';
