// Notifications (issue 13): the channel interface, the SMTP channel, the outbox relay.
export * from './channel';
export * from './deliver-workflow';
export * from './relay';
