-- One database per service that persists (orders, inventory), owned by the
-- compose stack's user; each service runs its own migrations at start.
CREATE DATABASE orders;
CREATE DATABASE inventory;
